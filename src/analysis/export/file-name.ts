/** A profile file name's stem, for the names of its exports: "heap.pb.gz" → "heap". */
export function fileStem(name: string): string {
  return name.replace(/(\.pb)?(\.gz)?$|\.pprof$/, '') || 'profile';
}
