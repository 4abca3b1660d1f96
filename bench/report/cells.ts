/** One line of the printed table, and how its cells write figures. */
export type Line = [row: string, measure: string, gateway: string, reference: string, ratio: string];

export const num = (value: number) =>
  value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(1);
export const ms = (value: number) => value.toFixed(2);
export const ratio = (value: number) => `${value.toFixed(2)}×`;
export const mb = (value: number | undefined) => (value === undefined ? 'n/a' : `${value.toFixed(1)} MB`);
