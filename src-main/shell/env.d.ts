/** Build-time constant (electron.vite.config.ts): true only in `npm run dev`, false in `npm start` and packages. */
declare const __CONFIDANT_DEV_BUILD__: boolean;
