// Row keys of one instance partition: history, timers and pending events sort apart by prefix.
export const historyKey = (executionId: string, seq: number) => `h-${executionId}-${String(seq).padStart(8, '0')}`;
export const timerKey = (executionId: string, timerId: number) => `t-${executionId}-${timerId}`;
export const pendingKey = (key: string) => `p-${key}`;
/** Keys of pending completions (of a task, sub-orchestration or timer), as deliver() names them. */
export const COMPLETION_KEY = /^(task|sub|timer)-/;
