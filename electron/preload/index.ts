/**
 * Builds `window.api`: one named function per contract method, nothing else.
 * No raw ipcRenderer and no generic invoke reach the page, so script injected
 * into the renderer can only make the calls listed here, each validated in main.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { channelName } from '../../src/core/channels'
import type { Api, InputOf, Method } from '../../src/core/contract'

const call = <M extends Method>(method: M, arg?: InputOf<M>) => ipcRenderer.invoke(channelName(method), arg)

export const api = {
  getAppInfo: () => call('getAppInfo'),
  getSettings: () => call('getSettings'),
  updateSettings: (patch) => call('updateSettings', patch),
  getDataFolder: () => call('getDataFolder'),
} satisfies Api

contextBridge.exposeInMainWorld('api', api)
