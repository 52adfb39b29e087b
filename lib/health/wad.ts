export const WAD = 10n ** 18n;
export const WAD_DECIMALS = 18;
