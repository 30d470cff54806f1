import { describe, expect, it } from 'vitest';
import { failureText } from './child.js';

describe('failureText', () => {
  it('picks the error line of a Node stack trace, with the frame that threw', () => {
    const stderr = [
      '(node:1) Warning: something noisy',
      'file:///app/warm.mjs:3',
      "SyntaxError: The requested module '@boto-ts/core' does not provide an export named 'x'",
      '    at ModuleJob._instantiate (node:internal/modules/esm/module_job:180:21)',
      '    at async ModuleJob.run (node:internal/modules/esm/module_job:263:5)',
    ].join('\n');
    expect(failureText({ stderr, stdout: '' })).toBe(
      "SyntaxError: The requested module '@boto-ts/core' does not provide an export named 'x' (at ModuleJob._instantiate (node:internal/modules/esm/module_job:180:21))",
    );
  });

  it('takes the last line of a Python traceback, and the last lines when nothing looks like an error', () => {
    const traceback =
      'Traceback (most recent call last):\n  File "x.py", line 1\nKeyError: \'Reservations\'\n';
    expect(failureText({ stderr: traceback, stdout: '' })).toBe("KeyError: 'Reservations'");
    expect(failureText({ stderr: 'one\ntwo\n\nthree\nfour\n', stdout: '' })).toBe('two / three / four');
  });
});
