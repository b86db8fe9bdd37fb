// graphql-ws publishes its ws adapter only through package "exports", which this project's
// moduleResolution ("node") does not read; this points the import at the CommonJS typings.
declare module 'graphql-ws/use/ws' {
  export * from 'graphql-ws/dist/use/ws.cjs';
}
