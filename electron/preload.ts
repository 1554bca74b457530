import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { APP_COMMAND_EVENT, AppCommandSchema, isChannel, type AppCommand, type CopydeskBridge } from '../shared/ipc';

/**
 * The only bridge between the page and the main process: typed invoke calls for the
 * contract's channels and one validated command event. `ipcRenderer` itself never reaches
 * the page.
 */
export function createBridge(renderer: Pick<typeof ipcRenderer, 'invoke' | 'on' | 'removeListener'>): CopydeskBridge {
  return Object.freeze({
    host: 'electron' as const,
    invoke(channel, request) {
      if (!isChannel(channel)) return Promise.reject(new Error(`unknown channel "${String(channel)}"`));
      return renderer.invoke(channel, request);
    },
    onCommand(listener: (command: AppCommand) => void) {
      const wrapped = (_event: IpcRendererEvent, payload: unknown) => {
        const parsed = AppCommandSchema.safeParse(payload);
        if (parsed.success) listener(parsed.data);
      };
      renderer.on(APP_COMMAND_EVENT, wrapped);
      return () => void renderer.removeListener(APP_COMMAND_EVENT, wrapped);
    },
  } satisfies CopydeskBridge);
}

contextBridge.exposeInMainWorld('copydesk', createBridge(ipcRenderer));
