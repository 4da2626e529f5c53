/**
 * IPC channel naming, kept free of zod so the sandboxed preload stays tiny.
 */
export const CHANNEL_PREFIX = 'homeplan:'

export const channelName = (method: string): string => `${CHANNEL_PREFIX}${method}`
