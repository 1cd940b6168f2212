// Vite's additions to the module system (import.meta.glob for the lazy message catalogues).
/// <reference types="vite/client" />
