import { useEffect, useState } from 'react';

/** m:ss for a number of seconds (14:05, 0:59); never negative. */
export function formatCountdown(totalSeconds: number): string {
  const s = Math.max(0, Math.ceil(totalSeconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * Seconds left until `deadline` (epoch ms), updated every second; 0 once passed, undefined without a
 * deadline. Used for the lock's remaining time and the one-time password's validity.
 */
export function useSecondsLeft(deadline: number | undefined): number | undefined {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (deadline === undefined) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [deadline]);
  if (deadline === undefined) return undefined;
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}
