import type { Editor } from "@tiptap/core";
import { csrfToken, el, field } from "./dom.js";

/**
 * The photo dialog (button "Ảnh"): the library as a grid of thumbnails with their alt text, an
 * upload form that adds a photo to the library, and the caption and alt text of the chosen photo,
 * inserted as a captioned figure where the cursor was.
 */

interface LibraryPhoto {
  id: number;
  src: string;
  thumb: string;
  alt: string;
  caption: string;
}

interface LibraryPage {
  items: LibraryPhoto[];
  page: number;
  pageCount: number;
}

export function createMediaDialog(
  editor: Editor,
  urls: { library: string; upload: string },
  unitOf: () => string,
): () => void {
  let page = 0;
  let pageCount = 1;
  let chosen: LibraryPhoto | null = null;

  const status = el("p", { class: "hint", role: "status" });
  const grid = el("ul", { class: "media-grid" });
  const more = el("button", { type: "button", class: "button secondary", text: "Xem thêm ảnh" });
  const file = field("editor-photo-file", "Tệp ảnh", el("input", { type: "file", accept: "image/jpeg,image/png,image/webp" }));
  const upCaption = field("editor-photo-new-caption", "Chú thích", el("input", { type: "text" }));
  const upAlt = field("editor-photo-new-alt", "Văn bản thay thế", el("input", { type: "text" }));
  const upload = el("button", { type: "button", class: "button secondary", text: "Tải lên thư viện" });
  const caption = field("editor-photo-caption", "Chú thích ảnh trong bài", el("input", { type: "text" }));
  const alt = field("editor-photo-alt", "Văn bản thay thế (mô tả ảnh cho người không xem được)", el("input", { type: "text" }));
  const chosenLine = el("p", { class: "media-chosen", text: "Chưa chọn ảnh nào." });
  const insert = el("button", { type: "submit", class: "button primary", text: "Chèn ảnh vào bài" });
  const cancel = el("button", { type: "button", class: "button secondary", text: "Hủy" });
  const form = el(
    "form",
    { method: "dialog", novalidate: "" },
    el("h2", { id: "editor-media-title", text: "Chèn ảnh" }),
    el(
      "section",
      { "aria-labelledby": "editor-media-library" },
      el("h3", { id: "editor-media-library", text: "Ảnh trong thư viện" }),
      status,
      grid,
      more,
    ),
    el(
      "details",
      { class: "media-upload" },
      el("summary", { text: "Tải ảnh mới lên" }),
      el("p", { class: "hint", text: "JPEG, PNG hoặc WebP, tối đa 10 MB. Ảnh được lưu vào thư viện của đơn vị sở hữu bài." }),
      file.wrapper,
      upCaption.wrapper,
      upAlt.wrapper,
      upload,
    ),
    el("section", { "aria-labelledby": "editor-media-chosen" },
      el("h3", { id: "editor-media-chosen", text: "Ảnh sẽ chèn" }),
      chosenLine,
      caption.wrapper,
      alt.wrapper,
    ),
    el("div", { class: "form-actions" }, insert, cancel),
  );
  const dialog = el("dialog", { class: "editor-dialog media-dialog", "aria-labelledby": "editor-media-title" }, form);
  document.body.append(dialog);

  const choose = (photo: LibraryPhoto, button: HTMLButtonElement) => {
    chosen = photo;
    grid.querySelectorAll("button").forEach((b) => b.setAttribute("aria-pressed", "false"));
    button.setAttribute("aria-pressed", "true");
    chosenLine.textContent = `Đã chọn: ${photo.caption || photo.alt}`;
    caption.input.value = photo.caption;
    alt.input.value = photo.alt;
    caption.setError(null);
    alt.setError(null);
  };

  const tile = (photo: LibraryPhoto, first = false) => {
    const img = el("img", { src: photo.thumb, alt: photo.alt, loading: "lazy" });
    const button = el(
      "button",
      { type: "button", class: "media-choice", "aria-pressed": "false" },
      img,
      el("span", { text: photo.caption || "(chưa có chú thích)" }),
    );
    button.addEventListener("click", () => choose(photo, button));
    const item = el("li", {}, button);
    if (first) grid.prepend(item);
    else grid.append(item);
    return button;
  };

  const loadMore = async () => {
    status.textContent = "Đang tải ảnh…";
    try {
      const response = await fetch(`${urls.library}?trang=${page + 1}`, { headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error(String(response.status));
      const data = (await response.json()) as LibraryPage;
      page = data.page;
      pageCount = data.pageCount;
      for (const photo of data.items) tile(photo);
      status.textContent =
        grid.children.length === 0 ? "Thư viện chưa có ảnh nào: tải ảnh mới lên bên dưới." : `${grid.children.length} ảnh.`;
    } catch {
      status.textContent = "Không tải được thư viện ảnh. Vui lòng thử lại.";
    }
    more.hidden = page >= pageCount;
  };
  more.addEventListener("click", loadMore);

  upload.addEventListener("click", async () => {
    const chosenFile = file.input instanceof HTMLInputElement ? file.input.files?.[0] : undefined;
    file.setError(chosenFile ? null : "Vui lòng chọn tệp ảnh.");
    if (!chosenFile) return;
    const body = new FormData();
    body.append("photo", chosenFile);
    body.append("caption", upCaption.input.value);
    body.append("alt", upAlt.input.value);
    body.append("unitId", unitOf());
    upload.disabled = true;
    status.textContent = "Đang tải ảnh lên…";
    try {
      const response = await fetch(urls.upload, { method: "POST", body, headers: { "X-CSRF-Token": csrfToken(), Accept: "application/json" } });
      const data = (await response.json()) as { item?: LibraryPhoto; errors?: Record<string, string> };
      const errors = data.errors ?? {};
      file.setError(errors.photo ?? errors.unitId ?? null);
      upCaption.setError(errors.caption ?? null);
      upAlt.setError(errors.alt ?? null);
      if (response.ok && data.item) {
        choose(data.item, tile(data.item, true));
        file.input.value = "";
        upCaption.input.value = "";
        upAlt.input.value = "";
        status.textContent = "Đã tải ảnh lên thư viện và chọn ảnh đó.";
        caption.input.focus();
      } else status.textContent = "Chưa tải được ảnh: xem lỗi bên dưới.";
    } catch {
      status.textContent = "Không tải được ảnh lên (mất kết nối?). Vui lòng thử lại.";
    } finally {
      upload.disabled = false;
    }
  });

  cancel.addEventListener("click", () => {
    dialog.close();
    editor.commands.focus();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!chosen) {
      chosenLine.textContent = "Vui lòng chọn một ảnh trong thư viện hoặc tải ảnh mới lên.";
      return;
    }
    const captionText = caption.input.value.trim();
    const altText = alt.input.value.trim();
    caption.setError(captionText ? null : "Vui lòng nhập chú thích ảnh.");
    alt.setError(altText ? null : "Vui lòng mô tả nội dung ảnh.");
    if (!captionText || !altText) return;
    dialog.close();
    editor.chain().focus().insertFigure({ src: chosen.src, alt: altText, caption: captionText }).run();
  });

  return () => {
    if (page === 0) void loadMore();
    dialog.showModal();
  };
}
