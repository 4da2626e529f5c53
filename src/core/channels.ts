/**
 * IPC channel naming, kept free of zod so the sandboxed preload stays tiny.
 */
export const CHANNEL_PREFIX = 'homeplan:'

export const channelName = (method: string): string => `${CHANNEL_PREFIX}${method}`

/** Main tells the window to lock (issue 17): the Lock Now menu item, the OS locking its screen or going to sleep. */
export const LOCK_EVENT = 'homeplan-event:lock'
