/**
 * A process-wide value per distinct configuration: clients, breakers and sinks are built once and shared, yet a
 * caller handed another configuration gets its own value instead of the one built from the first.
 */
export function perConfig<K, V>(build: (key: K) => V): (key: K) => V {
  const built = new Map<string, V>();
  return (key) => {
    const id = JSON.stringify(key);
    const existing = built.get(id);
    if (existing !== undefined) return existing;
    const value = build(key);
    built.set(id, value);
    return value;
  };
}
