import { setField, type Doc } from '../ecs/set-field.ts';
import { str, toInt } from '../ecs/values.ts';
import { setUser } from './windows-fields.ts';

/**
 * PowerShell 4103/4104/400/800: script block text and the host application's command line.
 * `ContextInfo` (4103) and `HostApplication`/`Data` (400/800) carry `Key = value` lines.
 */
export function mapPowershell(doc: Doc, id: string, d: Record<string, unknown>): void {
  if (id === '4104' || id === '4105' || id === '4106') {
    setField(doc, 'powershell.file.script_block_text', str(d['ScriptBlockText']));
    setField(doc, 'powershell.file.script_block_id', str(d['ScriptBlockId']));
    setField(doc, 'powershell.sequence', toInt(d['MessageNumber']));
    setField(doc, 'powershell.total', toInt(d['MessageTotal']));
    setField(doc, 'file.path', str(d['Path']));
    return;
  }
  const context = contextFields(str(d['ContextInfo']) ?? str(d['HostApplication']) ?? str(d['Data']));
  const hostApp = str(d['HostApplication']) ?? context['Host Application'] ?? context['HostApplication'];
  setField(doc, 'process.command_line', hostApp);
  setField(doc, 'powershell.command.name', context['Command Name'] ?? context['CommandName']);
  setField(doc, 'powershell.command.type', context['Command Type'] ?? context['CommandType']);
  setField(doc, 'powershell.engine.version', context['Engine Version'] ?? context['EngineVersion']);
  setField(doc, 'powershell.runspace_id', context['Runspace ID'] ?? context['RunspaceId']);
  setUser(doc, 'user', context['User'] ?? context['UserId']);
  setField(doc, 'powershell.payload', str(d['Payload']));
}

/** Parses `Key = value` (4103) or `Key=value` (400/800) lines into a map. */
function contextFields(text: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (text === undefined) return out;
  for (const line of text.split(/\r?\n|\t/)) {
    const m = /^\s*([A-Za-z][\w ]*?)\s*=\s*(.*?)\s*$/.exec(line);
    if (m?.[1] !== undefined && m[2] !== undefined && m[2] !== '' && !(m[1] in out)) out[m[1]] = m[2];
  }
  return out;
}
