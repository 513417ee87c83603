/**
 * The order of an album's photos from its form: photos with a place number first, by that number,
 * then the others as they came; ties keep the order they came in.
 */
export function orderedPhotos<P extends { order: number | null }>(photos: P[]): P[] {
  return photos
    .map((photo, index) => ({ photo, index }))
    .sort((a, b) => {
      const oa = a.photo.order ?? Number.POSITIVE_INFINITY;
      const ob = b.photo.order ?? Number.POSITIVE_INFINITY;
      return oa === ob ? a.index - b.index : oa - ob;
    })
    .map(({ photo }) => photo);
}
