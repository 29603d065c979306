// bikram-sambat (a second, independent converter, used only to check the calendar) ships no types.
declare module 'bikram-sambat' {
  const bikramSambat: { toBik(isoDate: string): { year: number; month: number; day: number } };
  export default bikramSambat;
}
