/**
 * Which pod a file came from, from its path in the archive: a folder named like a pod, a
 * pod-like start of the file name (`<pod>-heap-<time>.pb.gz`), else the deepest folder
 * that is not a profile kind's name. Kubernetes names a Deployment's pods
 * `name-<template hash>-<5 chars>` from an alphabet without vowels (so no word matches),
 * and a StatefulSet's `name-<ordinal>`.
 */

const HASH = '[bcdfghjklmnpqrstvwxz2456789]';
const DEPLOYMENT = `[a-z0-9](?:[a-z0-9-]*[a-z0-9])?-${HASH}{6,10}-${HASH}{5}`;
const STATEFULSET = `[a-z](?:[a-z0-9-]*[a-z0-9])?-\\d{1,4}`;
const WHOLE = new RegExp(`^(?:${DEPLOYMENT}|${STATEFULSET})$`);
/** A pod-like start of a file name, ended by a separator: `api-7d4b9c6f5-x2k9p-heap.pb.gz`, `kafka-0.heap`. */
const DEPLOYMENT_START = new RegExp(`^(${DEPLOYMENT})(?=[-_.]|$)`);
const STATEFULSET_START = new RegExp(`^(${STATEFULSET})(?=[-_.]|$)`);

/** Folder and file names that say what a profile is, never whose it is. */
const KIND_WORDS = new Set([
  'heap', 'allocs', 'goroutine', 'goroutines', 'cpu', 'profile', 'mutex', 'block', 'threadcreate', 'trace', 'pprof', 'debug', 'profiles', 'dumps',
]);

export function podOf(path: string): string | null {
  const parts = path.split('/').filter((p) => p !== '' && p !== '.' && p !== '..');
  const file = parts.pop() ?? '';
  for (let i = parts.length - 1; i >= 0; i--) if (WHOLE.test(parts[i]) && !isKindWord(parts[i])) return parts[i];
  const fromName = DEPLOYMENT_START.exec(file)?.[1] ?? STATEFULSET_START.exec(file)?.[1];
  if (fromName && !isKindWord(fromName)) return fromName;
  for (let i = parts.length - 1; i >= 0; i--) if (!isKindWord(parts[i]) && !/\.(zip|tar|tgz|tar\.gz)$/i.test(parts[i])) return parts[i];
  return null;
}

/** `heap`, `heap-1`, `goroutine-2`: a kind (with a snapshot number), not a pod. */
function isKindWord(name: string): boolean {
  return KIND_WORDS.has(name.toLowerCase().replace(/-\d+$/, ''));
}
