import type { FieldErrors } from "../../core/http/errors.js";
import { formText } from "../../core/http/params.js";
import type { ArticleImageRow } from "../articles/article-images.repo.js";
import type { ImageChange, LibraryPick, PhotoInput } from "../articles/article-photos.service.js";
import { altSchema, captionSchema, fieldError, MESSAGES } from "../articles/articles.schema.js";
import { detectPhotoType, MAX_PHOTO_BYTES } from "../media/media.rules.js";

/**
 * The photo fields of the editor's form: a new photo (uploaded, or chosen from the library) with its
 * caption, alt text and place, and the fields of the photos already in the article.
 */

type FormBody = Record<string, string | File | (string | File)[]>;

function parsePosition(raw: string): number | null | "invalid" {
  if (raw.trim() === "") return null;
  return /^\d{1,4}$/.test(raw.trim()) ? Number(raw.trim()) : "invalid";
}

/** The existing photos' fields as the form shows them (`image-<id>-caption`…). */
export function photoFieldValues(
  images: Pick<ArticleImageRow, "id" | "caption" | "altText" | "position">[],
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const image of images) {
    fields[`image-${image.id}-caption`] = image.caption;
    fields[`image-${image.id}-alt`] = image.altText;
    fields[`image-${image.id}-position`] = image.position === null ? "" : String(image.position);
  }
  return fields;
}

export interface ParsedPhotoFields {
  errors: FieldErrors;
  photo?: PhotoInput;
  pick?: LibraryPick;
  imageChanges: ImageChange[];
}

/**
 * Reads the photo fields into `values.images` and checks them. An upload needs its caption and alt
 * text; a library photo may leave them empty to use the library's; choosing both is an error.
 */
export async function parsePhotoFields(
  body: FormBody,
  values: {
    caption: string;
    alt: string;
    photoPosition: string;
    mediaId: string;
    pendingMediaId: string;
    images: Record<string, string>;
  },
  imageIds: number[],
): Promise<ParsedPhotoFields> {
  const errors: FieldErrors = {};
  const check = (field: string, message: string | undefined) => {
    if (message) errors[field] ??= message;
  };
  for (const id of imageIds) {
    for (const part of ["caption", "alt", "position"])
      values.images[`image-${id}-${part}`] = formText(body, `image-${id}-${part}`);
  }

  let photo: PhotoInput | undefined;
  let pick: LibraryPick | undefined;
  const file = body.photo;
  const hasFile = file instanceof File && file.size > 0;
  // A kept upload counts as the chosen photo until another file or a library photo is chosen.
  if (hasFile || values.mediaId.trim() !== "" || !/^[1-9]\d{0,9}$/.test(values.pendingMediaId.trim()))
    values.pendingMediaId = "";
  const pending = values.pendingMediaId.trim();
  const mediaId = values.mediaId.trim() || pending;
  const position = parsePosition(values.photoPosition);
  if (position === "invalid") check("photoPosition", MESSAGES.positionInvalid);
  const place = typeof position === "number" ? position : null;
  if (hasFile && mediaId !== "") check("photo", MESSAGES.photoOrPick);
  else if (hasFile) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (bytes.byteLength > MAX_PHOTO_BYTES) check("photo", "Ảnh không được lớn hơn 10 MB.");
    else if (!detectPhotoType(bytes)) check("photo", "Chỉ nhận ảnh JPEG, PNG hoặc WebP.");
    check("caption", fieldError(captionSchema, values.caption));
    check("alt", fieldError(altSchema, values.alt));
    photo = {
      bytes,
      originalName: file.name,
      caption: values.caption.trim(),
      altText: values.alt.trim(),
      position: place,
    };
  } else if (mediaId !== "") {
    if (!/^[1-9]\d{0,9}$/.test(mediaId)) check("mediaId", MESSAGES.mediaUnknown);
    // A kept upload has no library caption yet: it needs both, like an upload.
    if (pending !== "") {
      check("caption", fieldError(captionSchema, values.caption));
      check("alt", fieldError(altSchema, values.alt));
    }
    if (values.caption.trim() !== "") check("caption", fieldError(captionSchema, values.caption));
    if (values.alt.trim() !== "") check("alt", fieldError(altSchema, values.alt));
    pick = {
      mediaId: Number(mediaId),
      caption: values.caption.trim(),
      altText: values.alt.trim(),
      position: place,
    };
  } else if (values.caption.trim() !== "" || values.alt.trim() !== "") {
    check("photo", MESSAGES.photoMissing);
  }

  const imageChanges: ImageChange[] = [];
  for (const id of imageIds) {
    // A form that does not carry a photo's fields at all leaves that photo as it is.
    if (
      !["caption", "alt", "position", "remove"].some(
        (part) => typeof body[`image-${id}-${part}`] === "string",
      )
    )
      continue;
    const remove = formText(body, `image-${id}-remove`) === "1";
    const caption = values.images[`image-${id}-caption`] ?? "";
    const alt = values.images[`image-${id}-alt`] ?? "";
    const imagePosition = parsePosition(values.images[`image-${id}-position`] ?? "");
    if (!remove) {
      check(`image-${id}-caption`, fieldError(captionSchema, caption));
      check(`image-${id}-alt`, fieldError(altSchema, alt));
      if (imagePosition === "invalid") check(`image-${id}-position`, MESSAGES.positionInvalid);
    }
    imageChanges.push({
      id,
      caption: caption.trim(),
      altText: alt.trim(),
      position: typeof imagePosition === "number" ? imagePosition : null,
      remove,
    });
  }
  return { errors, photo, pick, imageChanges };
}
