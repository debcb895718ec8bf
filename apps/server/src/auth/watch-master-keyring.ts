import type { Logger } from '@vigil/core';
import type { SecretBox, SecretKeyring } from '@vigil/identity';

/** How often a running process re-reads the key source so a rotation takes effect without a restart. */
export const MASTER_KEY_RELOAD_INTERVAL_MS = 60_000;

/**
 * Keeps a running process's box in step with the key source (`vigil keys rotate` rewrites the key
 * file): re-read every `intervalMs` and on SIGHUP. A failed read keeps the keys in use (logged), since
 * a half-written or unreadable file must not take a server's secrets away.
 */
export function watchMasterKeyring(
  box: SecretBox,
  load: () => SecretKeyring,
  logger: Logger,
  intervalMs = MASTER_KEY_RELOAD_INTERVAL_MS,
): { reload(): void; stop(): void } {
  const reload = () => {
    try {
      const before = box.currentKeyId;
      box.replaceKeyring(load());
      if (box.currentKeyId !== before)
        logger.info({ keyId: box.currentKeyId }, 'master key reloaded: new current key');
    } catch (error) {
      logger.warn(
        { code: (error as { code?: unknown }).code },
        'master key reload failed; keeping the keys in use',
      );
    }
  };
  const timer = setInterval(reload, intervalMs);
  timer.unref();
  process.on('SIGHUP', reload);
  return {
    reload,
    stop: () => {
      clearInterval(timer);
      process.off('SIGHUP', reload);
    },
  };
}
