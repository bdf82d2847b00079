// Vite serves a file imported with "?url" as an asset and gives its address.
declare module '*.geojson?url' {
  const url: string;
  export default url;
}
