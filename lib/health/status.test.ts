import { maxUint256, parseEther } from 'viem';
import { describe, expect, it } from 'vitest';
import { solvencyStatus, warningLevel } from './status';

const T = parseEther('1.2');

describe('solvencyStatus', () => {
  it('is critical strictly below the threshold', () => {
    expect(solvencyStatus(T - 1n, T)).toBe('critical');
    expect(solvencyStatus(T, T)).toBe('warning');
  });
  it('warns below 1.25 × threshold and is healthy from there', () => {
    expect(warningLevel(T)).toBe(parseEther('1.5'));
    expect(solvencyStatus(parseEther('1.5') - 1n, T)).toBe('warning');
    expect(solvencyStatus(parseEther('1.5'), T)).toBe('healthy');
  });
  it('treats the unbounded ratio (nothing required) as healthy', () => {
    expect(solvencyStatus(maxUint256, T)).toBe('healthy');
  });
});
