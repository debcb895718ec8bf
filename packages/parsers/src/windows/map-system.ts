import { setField, type Doc } from '../ecs/set-field.ts';
import { str } from '../ecs/values.ts';
import { setUser } from './windows-fields.ts';

/** System channel: service control manager (7045/7036/7040) and log-cleared events. */
export function mapSystem(doc: Doc, id: string, d: Record<string, unknown>): void {
  switch (id) {
    case '7045':
      setField(doc, 'service.name', str(d['ServiceName']));
      setField(doc, 'service.type', str(d['ServiceType']));
      setField(doc, 'process.command_line', str(d['ImagePath']));
      setUser(doc, 'user', d['AccountName']);
      return;
    case '7036':
    case '7040':
    case '7034':
      setField(doc, 'service.name', str(d['param1']));
      setField(doc, 'service.state', str(d['param2']));
      return;
    case '104':
      setUser(doc, 'user', d['SubjectUserName'], d['SubjectDomainName']);
      return;
    default:
      return;
  }
}
