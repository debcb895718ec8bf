// Downloads that need the session (and often the CSRF header) cannot be plain links: the answer is read
// into a Blob and saved through a temporary object URL.

/** Saves `response` under the name of its `content-disposition`, else `fallbackName`. */
export async function saveResponse(response: Response, fallbackName: string): Promise<void> {
  const blob = await response.blob();
  const name = /filename="([^"]+)"/u.exec(response.headers.get('content-disposition') ?? '')?.[1];
  const url = URL.createObjectURL(blob);
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = name ?? fallbackName;
    document.body.append(a);
    a.click();
    a.remove();
  } finally {
    // Revoke after the click has been handled.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
