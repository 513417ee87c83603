/**
 * The demo's photo album: the reference session's two photos (drawn illustrations, see
 * demo/demo-photos.ts) with the captions of the reference article, published by the district.
 */

export interface DemoAlbum {
  slug: string;
  title: string;
  description: string;
  unitKey: string;
  publishedAt: string;
  photos: { photo: "demo-1" | "demo-2"; caption: string; altText: string }[];
}

export const DEMO_ALBUMS: DemoAlbum[] = [
  {
    slug: "ban-thuong-vu-quan-uy-lam-viec-voi-phuong-thuong-thanh",
    title: "Ban Thường vụ Quận ủy Long Biên làm việc với phường Thượng Thanh (02/01/2020)",
    description:
      "Ảnh buổi làm việc chiều 02/01/2020 tại Phòng họp 1 UBND phường Thượng Thanh (hình vẽ minh họa của dữ liệu mẫu).",
    unitKey: "district:long-bien",
    publishedAt: "2020-01-02T15:00:00.000Z",
    photos: [
      {
        photo: "demo-1",
        caption: "Đ/c Đỗ Mạnh Hải - Bí Thư Quận ủy, Chủ tịch HĐND quận định hướng nội dung hội nghị.",
        altText:
          "Hình vẽ minh họa: phòng họp có băng rôn đỏ chữ vàng, một bàn họp dài phủ khăn xanh, các đại biểu ngồi hai bên, người chủ trì ngồi đầu bàn phát biểu trước micrô.",
      },
      {
        photo: "demo-2",
        caption: "Đ/c Phạm Thị Minh Hồng - Bí thư Đảng ủy, Chủ tịch HĐND phường báo cáo trước hội nghị",
        altText:
          "Hình vẽ minh họa: một nữ đại biểu mặc áo xanh đứng sau bục phát biểu có micrô, phía sau là băng rôn đỏ và bàn chủ tọa.",
      },
    ],
  },
];
