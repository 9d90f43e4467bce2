// hepburn ships no types; we use one function of it.
declare module 'hepburn' {
  export function fromKana(text: string): string;
  const hepburn: { fromKana(text: string): string };
  export default hepburn;
}
