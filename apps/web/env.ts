// The only reader of process.env for the web app: the app runs in a browser and has none; this is
// for vite.config.ts (the dev server's proxy), read when `vite` starts.

/** AFTERGLOW_API_URL: the server `vite` dev mode proxies /trpc and /v1 to. */
export const apiUrl = process.env.AFTERGLOW_API_URL ?? 'http://localhost:3000';
