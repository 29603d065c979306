/** The brand's name, the same in every language. */
export const BRAND = 'Hamro Concert';
