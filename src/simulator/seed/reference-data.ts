/**
 * Countries and currencies with the database ids a fresh Odoo 18 gives them (records are created in
 * the order of base's data files: countries alphabetically by xml id, so BE = 20, FR = 75,
 * GB (xml id `uk`) = 231, US = 233; currencies USD = 1 ... EUR = 125). Ids not checked against a
 * real database are plausible, not guaranteed.
 */

/** [id, ISO code, name, currency code, calling code] */
export const COUNTRIES: ReadonlyArray<readonly [number, string, string, string, number]> = [
  [2, 'AE', 'United Arab Emirates', 'AED', 971],
  [12, 'AT', 'Austria', 'EUR', 43],
  [13, 'AU', 'Australia', 'AUD', 61],
  [20, 'BE', 'Belgium', 'EUR', 32],
  [22, 'BG', 'Bulgaria', 'BGN', 359],
  [31, 'BR', 'Brazil', 'BRL', 55],
  [38, 'CA', 'Canada', 'CAD', 1],
  [43, 'CH', 'Switzerland', 'CHF', 41],
  [48, 'CN', 'China', 'CNY', 86],
  [56, 'CZ', 'Czech Republic', 'CZK', 420],
  [57, 'DE', 'Germany', 'EUR', 49],
  [59, 'DK', 'Denmark', 'DKK', 45],
  [68, 'ES', 'Spain', 'EUR', 34],
  [70, 'FI', 'Finland', 'EUR', 358],
  [75, 'FR', 'France', 'EUR', 33],
  [88, 'GR', 'Greece', 'EUR', 30],
  [94, 'HK', 'Hong Kong', 'HKD', 852],
  [99, 'HU', 'Hungary', 'HUF', 36],
  [101, 'IE', 'Ireland', 'EUR', 353],
  [104, 'IN', 'India', 'INR', 91],
  [109, 'IT', 'Italy', 'EUR', 39],
  [113, 'JP', 'Japan', 'JPY', 81],
  [121, 'KR', 'South Korea', 'KRW', 82],
  [133, 'LU', 'Luxembourg', 'EUR', 352],
  [136, 'MA', 'Morocco', 'MAD', 212],
  [156, 'MX', 'Mexico', 'MXN', 52],
  [165, 'NL', 'Netherlands', 'EUR', 31],
  [166, 'NO', 'Norway', 'NOK', 47],
  [170, 'NZ', 'New Zealand', 'NZD', 64],
  [178, 'PL', 'Poland', 'PLN', 48],
  [183, 'PT', 'Portugal', 'EUR', 351],
  [188, 'RO', 'Romania', 'RON', 40],
  [196, 'SE', 'Sweden', 'SEK', 46],
  [197, 'SG', 'Singapore', 'SGD', 65],
  [224, 'TR', 'Türkiye', 'TRY', 90],
  [231, 'GB', 'United Kingdom', 'GBP', 44],
  [233, 'US', 'United States', 'USD', 1],
  [247, 'ZA', 'South Africa', 'ZAR', 27],
];

/** [id, code, full name, symbol, rounding, active in a fresh database] */
export const CURRENCIES: ReadonlyArray<readonly [number, string, string, string, number, boolean]> = [
  [1, 'USD', 'United States dollar', '$', 0.01, true],
  [3, 'CAD', 'Canadian dollar', '$', 0.01, false],
  [4, 'CHF', 'Swiss franc', 'CHF', 0.01, false],
  [5, 'BRL', 'Brazilian real', 'R$', 0.01, false],
  [6, 'CNY', 'Chinese yuan', '¥', 0.01, false],
  [8, 'CZK', 'Czech koruna', 'Kč', 0.01, false],
  [9, 'DKK', 'Danish krone', 'kr', 0.01, false],
  [10, 'HUF', 'Hungarian forint', 'Ft', 0.01, false],
  [13, 'NOK', 'Norwegian krone', 'kr', 0.01, false],
  [16, 'PLN', 'Polish złoty', 'zł', 0.01, false],
  [17, 'SEK', 'Swedish krona', 'kr', 0.01, false],
  [19, 'INR', 'Indian rupee', '₹', 0.01, false],
  [20, 'AUD', 'Australian dollar', '$', 0.01, false],
  [23, 'HKD', 'Hong Kong dollar', '$', 0.01, false],
  [24, 'JPY', 'Japanese yen', '¥', 1, false],
  [25, 'BGN', 'Bulgarian lev', 'лв', 0.01, false],
  [27, 'RON', 'Romanian leu', 'lei', 0.01, false],
  [30, 'TRY', 'Turkish lira', '₺', 0.01, false],
  [31, 'KRW', 'South Korean won', '₩', 1, false],
  [32, 'MXN', 'Mexican peso', '$', 0.01, false],
  [34, 'NZD', 'New Zealand dollar', '$', 0.01, false],
  [125, 'EUR', 'Euro', '€', 0.01, true],
  [128, 'AED', 'United Arab Emirates dirham', 'د.إ', 0.01, false],
  [141, 'MAD', 'Moroccan dirham', 'DH', 0.01, false],
  [147, 'GBP', 'Pound sterling', '£', 0.01, false],
  [152, 'SGD', 'Singapore dollar', '$', 0.01, false],
  [167, 'ZAR', 'South African rand', 'R', 0.01, false],
];

/** [id, name, type, factor] */
export const UOMS: ReadonlyArray<readonly [number, string, string, number]> = [
  [1, 'Units', 'reference', 1],
  [2, 'Dozens', 'bigger', 1 / 12],
  [3, 'kg', 'reference', 1],
  [4, 'g', 'smaller', 1000],
  [5, 'Hours', 'smaller', 8],
  [6, 'Days', 'reference', 1],
];
