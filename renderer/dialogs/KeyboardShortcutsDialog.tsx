import { KEYMAP, keysFor, shortcutText, type KeyBinding, type Platform } from '../../shared/keymap';
import { Actions } from './Actions';
import { Modal } from './Modal';

/** Help → Keyboard shortcuts (also F1 and Ctrl+/): every key in the keymap, by section. */
export function KeyboardShortcutsDialog(props: { platform: Platform; onClose(): void }) {
  return (
    <Modal title="Keyboard shortcuts" onCancel={props.onClose} className="shortcuts-dialog">
      <ShortcutList platform={props.platform} />
      <Actions kind="modal" onCancel={props.onClose} cancelLabel="Close" />
    </Modal>
  );
}

/** The keymap as tables, one per section. */
export function ShortcutList({ platform }: { platform: Platform }) {
  const sections = new Map<KeyBinding['section'], KeyBinding[]>();
  for (const binding of KEYMAP) sections.set(binding.section, [...(sections.get(binding.section) ?? []), binding]);
  return (
    <div className="shortcut-sections">
      {[...sections].map(([section, bindings]) => (
        <table key={section} className="shortcut-table">
          <caption>{section}</caption>
          <tbody>
            {bindings.map((binding) => (
              <tr key={binding.command} data-command={binding.command}>
                <th scope="row">{binding.label.replace(/…$/, '')}</th>
                <td>
                  {keysFor(binding, platform).map((key, i) => (
                    <span key={key}>
                      {i > 0 && ' or '}
                      <kbd>{shortcutText(key, platform)}</kbd>
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
