/** The time in ms since epoch. Sources take it as a parameter so tests can drive time without fake timers. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();
