/**
 * The demo's site identity: today's ward portal of phường Việt Hưng (the present story), or, when the
 * demo is loaded before 01/07/2025, the district portal that published the reference article. The
 * address, telephone and editor line are invented ("minh họa"); the emblem is a drawn star on red,
 * not the national emblem.
 */
export interface DemoSiteSettings {
  wardName: string;
  unitKey: string;
  address: string;
  phone: string;
  email: string;
  openingHours: string;
  editorInCharge: string;
}

export const PRESENT_SITE: DemoSiteSettings = {
  wardName: "phường Việt Hưng",
  unitKey: "new-ward:viet-hung",
  address: "Trụ sở UBND phường Việt Hưng, Hà Nội (địa chỉ minh họa)",
  phone: "024 3000 0000",
  email: "vanphong@viethung.example.vn",
  openingHours: "Sáng 8h00–12h00, chiều 13h30–17h00, từ thứ Hai đến thứ Sáu",
  editorInCharge: "Trần Đức Thắng – Chủ tịch UBND phường (nhân vật minh họa)",
};

export const REFERENCE_SITE: DemoSiteSettings = {
  wardName: "quận Long Biên",
  unitKey: "district:long-bien",
  address: "Trụ sở Quận ủy Long Biên, Hà Nội (địa chỉ minh họa)",
  phone: "024 3000 0001",
  email: "vanphong@longbien.example.vn",
  openingHours: "Sáng 8h00–12h00, chiều 13h30–17h00, từ thứ Hai đến thứ Sáu",
  editorInCharge: "Văn phòng Quận ủy Long Biên (minh họa)",
};

/** A drawn emblem: a gold star on a red disc with a gold ring. */
export const DEMO_EMBLEM_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
<circle cx="50" cy="50" r="47" fill="#c8102e" stroke="#f2c94c" stroke-width="5"/>
<polygon fill="#f2c94c" points="50,16 58.2,39.7 83.3,40.2 63.3,55.3 70.6,79.3 50,65 29.4,79.3 36.7,55.3 16.7,40.2 41.8,39.7"/>
</svg>`;
