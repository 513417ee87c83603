/**
 * Demo data: portal categories and articles. The portal module owns articles; this file only holds
 * the data the demo loader inserts.
 *
 * What is real and what is illustrative:
 * - The reference article is the news item of 02/01/2020 from the district portal
 *   (shared/seed/thuong-thanh-2020-01-02.txt): title, time, views and every paragraph exactly as
 *   published, typos and spacing included (non-breaking spaces written as plain spaces). The nine
 *   numbered conclusions stay separate paragraphs starting "1. " … "9. ": the conclusion reader
 *   parses them. The two photo captions are the published ones; the photos themselves are drawings
 *   made by `demo-photos.ts`, and their alt texts say so.
 * - The two other articles are invented for the demo and say so in their text. They are dated before
 *   the reference article so that it stays at the top of "Tin mới nhất".
 */

export type DemoBlock = { kind: "p"; text: string } | { kind: "ul"; items: string[] };

export interface DemoCategory {
  slug: string;
  name: string;
  sortOrder: number;
}

export const DEMO_CATEGORIES: DemoCategory[] = [
  { slug: "tin-tuc-su-kien", name: "Tin tức - Sự kiện", sortOrder: 10 },
  { slug: "hoat-dong-cac-phuong", name: "Hoạt động các phường", sortOrder: 20 },
  { slug: "chi-dao-dieu-hanh", name: "Chỉ đạo điều hành", sortOrder: 30 },
  { slug: "thong-bao", name: "Thông báo", sortOrder: 40 },
];

export interface DemoImage {
  /** Which drawing of `demo-photos.ts`; also the media storage key (`demo-1.jpg`). */
  photo: "demo-1" | "demo-2";
  caption: string;
  altText: string;
  /** Number of body blocks before the photo. */
  position: number;
}

export interface DemoArticle {
  slug: string;
  title: string;
  lead: string | null;
  blocks: DemoBlock[];
  /** ISO instant in UTC. */
  publishedAt: string;
  views: number;
  unitKey: string;
  categorySlug: string;
  authorUsername: string | null;
  images: DemoImage[];
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The body HTML: one `<p>` per paragraph, one `<ul>` per list, one block per line. */
export function blocksToHtml(blocks: DemoBlock[]): string {
  return blocks
    .map((b) =>
      b.kind === "p"
        ? `<p>${escapeHtml(b.text)}</p>`
        : `<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>`,
    )
    .join("\n");
}

/** Blocks of the reference article, in order; the photos sit between them (see `images`). */
const REFERENCE_BLOCKS: DemoBlock[] = [
  {
    kind: "p",
    text: "Thực hiện Chương trình công tác của Quận ủy Long Biên, chiều 02/01/2020, tại Phòng họp 1 UBND phường Thượng Thanh, Ban Thường vụ Quận ủy làm việc với Phường Thượng Thanh về kết quả thực hiện nhiệm vụ chính trị năm 2019, nhiệm vụ trọng tâm năm 2020, công tác chuẩn bị Đại hội nhiệm kỳ 2020 - 2025. Đồng chí Đỗ Mạnh Hải - Bí Thư Quận ủy, Chủ tịch HĐND quận chủ trì hội nghị.",
  },
  {
    kind: "p",
    text: "Tham dự buổi làm việc còn có đồng chí Đường Hoài Nam – Phó bí thư thường trực Quận ủy; đồng chí Nguyễn Mạnh Hà – Phó Bí thư, Chủ tịch UBND quận; dồng chí Nguyễn Thế Thạch – UVTV, Trưởng ban Tuyên giáo, giám đốc Trung tâm Chính trị quận; các đồng chí Trưởng các phòng, ban thuộc quận. Đại biểu phường có đồng chí Phạm Thị Minh Hồng - Bí thư Đảng ủy, Chủ tịch HĐND phường, các đồng chí trong Ban Thường vụ Đảng ủy, Thường trực HĐND-UBND phường.",
  },
  {
    kind: "p",
    text: "Phát biểu định hướng nội dung làm việc của Hội nghị đồng chí Đỗ Mạnh Hải – Bí thư Quận ủy, Chủ tịch HĐND quận đề nghị:",
  },
  {
    kind: "ul",
    items: [
      "Lãnh đạo phường Thượng Thanh báo cáo rõ kết quả thực hiện nhiệm vụ chính trị năm 2019 và giai đoạn 2015 - 2020. Công tác chuẩn bị Đại hội, định hướng phát triển giai đoạn 2020 – 2025, nhiệm vụ trọng tâm năm 2020 và các kiến nghị đề xuất",
      "Các phòng, ban đánh giá kết quả thực hiện, phối hợp với UBND phường trong việc thực hiện nhiệm vụ năm 2019; giải đáp, trao đổi những kiến nghị đề xuất của phường về nhiệm vụ năm 2020.",
    ],
  },
  {
    kind: "p",
    text: 'Trên cơ sở định hướng của đồng chí chủ tọa hội nghị, đồng chí Phạm Thị Minh Hồng - Bí thư Đảng ủy, Chủ tịch HĐND đã báo cáo với đoàn : Trong năm 2019, dưới sự quan tâm của Quận ủy – UBND quận và sự chỉ đạo quyết liệt của Đảng ủy, HĐND, UBND, UBMTTQ, phường Thượng Thanh đã hoàn thành vượt mức 16 chỉ tiêu, trong đó có nhiều chỉ tiêu vượt cao so với kế hoạch giao như thu ngân sách đạt 111%, tỷ lệ hộ gia đình được công nhận "Gia đình văn hóa" đạt 104%; tỷ lệ tổ dân phố được công nhận "Tổ dân phố văn hóa" đạt 125%, số đảng viên được kết nạp đạt 200%, số hộ thoát nghèo đạt 500%, …Với những kết quả đã đạt được, phường Thượng Thanh được quận đánh giá thi đua xếp thứ 1/14 phường (nhiều bộ phận chuyên môn được các phòng, ban, đoàn thể quận đánh giá ở vị trí thứ nhất như Ủy ban MTTQ, Tuyên giáo, Y tế, Tài chính, Giáo dục,….các bộ phận khác đều được đánh giá nằm trong tốp đầu về thi đua). Đảng bộ phường được công nhận là Đảng bộ "hoàn thành xuất sắc nhiệm vụ". Phường Thượng Thanh được Hội đồng thi đua khen thưởng quận đề xuất tặng cờ thi đua của Chính phủ và Thành phố. Tính chung trong cả nhiệm kỳ 2015 – 2020, phường đã hoàn thành và vượt các chỉ tiêu được giao : Thu ngân sách bình quân hàng năm 37,6 tỷ đồng (vượt 8% chỉ tiêu); Chi ngân sách nhà nước địa phương bình quân hàng năm 17,7 tỷ đồng (tăng 34%); Giảm tỷ lệ sinh con thứ 3 trở lên so với năm trước 0,14% (vượt 111,6 %). Tỷ lệ hộ nghèo giảm còn 0,17%, số hộ thoát nghèo hàng năm 11 hộ (vượt 441%); Tỷ lệ hộ dân cư được công nhận danh hiệu“Gia đình văn hóa” đạt trung bình 90,42% (vượt 2,42%); Tỷ lệ tổ dân phố được công nhận “Tổ dân phố văn hóa” đạt trung bình hàng hằng năm 82,65% (vượt 15,65%); kết nạp 70 đảng viên (140% chỉ tiêu nhiệm kỳ); Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên hàng năm trên 94%. Đảng bộ hàng năm đều đạt hoàn thành xuất sắc nhiệm vụ.',
  },
  {
    kind: "p",
    text: "Về công tác chuẩn bị đại hội chi bộ, đại hội Đảng bộ phường nhiệm kỳ 2020 – 2025, nhiệm vụ trọng tâm năm 2020, định hướng phát triển giai đoạn 2020 – 2025, đồng chí Bí thư Đảng ủy phường đã báo cáo cụ thể về tiến độ thời gian, nhiệm vụ, giải pháp thực hiện. Đồng thời đề xuất, kiến nghị các phòng ban chuyên môn quận tháo gỡ những khó khăn, vướng mắc của phường trong việc thực hiện các nhiệm vụ.",
  },
  {
    kind: "p",
    text: "Sau khi nghe báo cáo và kiến nghị đề xuất của phường, lãnh đạo các phòng, ban của Quận, đồng chí Ủy viên thường vụ Quận ủy phụ trách phường, đồng chí Chủ tịch UBND quận đã phát biểu trao đổi làm rõ thêm nhiệm vụ và những giải pháp phường cần tập trung thực hiện trong năm 2020 và cả giai đoạn 2020 – 2025.",
  },
  {
    kind: "p",
    text: "Kết luận buổi làm việc, đồng chí Đỗ Mạnh Hải - Bí thư Quận ủy, Chủ tịch HĐND quận đã đánh giá cao chất lượng buổi làm việc và tinh thần làm việc dân chủ, đoàn kết, thân thiện, phát huy trí tuệ tập thể của đội ngũ lãnh đạo và cán bộ, công chức, viên chức phường. Về một số nhiệm vụ đặt ra trong năm 2020, đồng chí Bí thư, Chủ tịch HĐND quận yêu cầu :",
  },
  {
    kind: "p",
    text: "1. Về phát triển kinh tế : Tập trung rà soát các nguồn thu của phường để thực hiện triệt để các nguồn thu bảo đảm chỉ tiêu giao và cân đối nguồn ngân sách địa phương. Quan tâm đến một số nhiệm vụ trọng tâm như xây dựng chợ an toàn thực phẩm; rà soát các phương án chuyển dịch cơ cấu cây trồng,đặc biệt đối với vùng ngoài bãi phải xây dựng phương án quản lý, khai thác; chủ động có phương án sắp xếp chợ tổ 29 sau khi có quyết định xây dựng trường học; kết thúc việc chăn nuôi ở khu dân cư trong năm 2020.",
  },
  {
    kind: "p",
    text: "2. Công tác quản lý đô thị: Duy trì công tác đảm bảo trật tự đô thị theo kế hoạch của Ban Chỉ đạo 197 quận; quan tâm việc quản lý chung cư, quản lý tuyến phố văn minh đô thị; chú trọng công tác thu thuế các công trình xây dựng.",
  },
  {
    kind: "p",
    text: "3. Công tác quản lý đất đai: phường chủ động xây dựng kế hoạch thực hiện triệt để Kết luận số 316 của Thanh tra sở Tài nguyên Môi trường Thành phố, không để phát sinh thêm điểm vi phạm. Phối hợp với các phòng ban chuyên môn quận tập trung giải quyết dứt điểm các trường hợp vướng mắc về công tác cấp giấy chứng nhận quyền sử dụng đất. Tập trung xây dựng kế hoạch giải quyết dứt điểm theo thẩm quyền các vụ việc có yếu tố phức tạp.",
  },
  {
    kind: "p",
    text: "4. Công tác cải cách hành chính: Duy trì nề nếp có hiệu quả mô hình bộ phận “một cửa gần dân thân thiện”. Nâng cao năng lực, tính chuyên nghiệp, trách nhiệm, hiệu quả của đội ngũ cán bộ, công chức, viên chức trong thực hiện nhiệm vụ, công vụ (Duy trì mô hình trả kết quả giải quyết thủ tục hành chính tại nhà : khai tử, trả kinh phí hỏa  táng, xác nhận hộ nghèo, hộ cận nghèo). Chuẩn bị và đào tạo đội ngũ cán bộ phường và tổ dân phố sau khi Thành phố có quyết định sáp nhập.",
  },
  {
    kind: "p",
    text: "5. Công văn hóa xã hội: năm 2020 phường xóa hết hộ nghèo, quan tâm chế độ chính sách đối với người có công. Nghiên cứu mô hình hoạt động, quản lý, khai thác nhà văn hóa tổ dân phố.",
  },
  {
    kind: "p",
    text: "6. Công tác giáo dục: xây dựng lộ trình tự chủ cho khối giáo dục trên địa bàn phường; mô hình trường chất lượng cao gồm 01 trường THCS và 01 trường Mầm non trong nhiệm kỳ 2020 - 2025.",
  },
  {
    kind: "p",
    text: "7. Công tác phòng cháy chữa cháy: thường xuyên tăng cường kiểm tra, xử lý triệt để các hộ kinh doanh không đủ điều kiện về công tác phòng chống cháy nổ trên địa bàn phường.",
  },
  {
    kind: "p",
    text: "8. Công tác xây dựng Đảng : Đảng ủy phường tiếp tục đổi mới phương thức lãnh đạo, chỉ đạo; ban hành nghị quyết lãnh đạo theo hướng lựa chọn nhiệm vụ trọng tâm và kiểm soát kết quả thực hiện. Duy trì thực hiện các mô hình đang thực hiện hiệu quả; xây dựng chuyên đề đánh giá hệ thống chính trị tổ dân phố sau khi thành phố có quyết định sáp nhập; bám sát kế hoạch tiến độ chỉ đạo thành công đại hội chi bộ, đại hội Đảng bộ phường lần thứ XXVII, nhiệm kỳ 2020 – 2025.",
  },
  {
    kind: "p",
    text: "9. Đối với các nhóm kiến nghị, đề xuất của phường: thống nhất và giao UBND phường phối hợp với các phòng, ban liên quan quận hoàn thiện các thủ tục, các bước theo lộ trình.",
  },
  {
    kind: "p",
    text: "Tiếp thu ý kiến chỉ đạo đồng chí Phạm Thị Minh Hồng - Bí thư Đảng ủy, Chủ tịch HĐND phường khẳng định sẽ phát huy tinh thần đoàn kết, dân chủ, trách nhiệm, trí tuệ của tập thể, thực hiện có hiệu quả các nhiệm vụ Bí thư Quận ủy giao xây dựng phường ngày càng phát triển./.",
  },
];

export const REFERENCE_ARTICLE: DemoArticle = {
  slug: "ban-thuong-vu-quan-uy-long-bien-lam-viec-voi-phuong-thuong-thanh",
  title: "Ban Thường vụ quận ủy Long Biên làm việc với phường Thượng Thanh",
  // The portal printed no separate lead: the body starts with the first paragraph, not repeated here.
  lead: null,
  blocks: REFERENCE_BLOCKS,
  // 02/01/2020 21:49 in Vietnam (UTC+7).
  publishedAt: "2020-01-02T14:49:00.000Z",
  views: 129,
  unitKey: "district:long-bien",
  categorySlug: "tin-tuc-su-kien",
  authorUsername: "bientap",
  images: [
    {
      photo: "demo-1",
      caption: "Đ/c Đỗ Mạnh Hải - Bí Thư Quận ủy, Chủ tịch HĐND quận định hướng nội dung hội nghị.",
      altText:
        "Hình vẽ minh họa: phòng họp có băng rôn đỏ chữ vàng “Ban Thường vụ Quận ủy Long Biên làm việc với phường Thượng Thanh”, một bàn họp dài phủ khăn xanh, các đại biểu ngồi hai bên, người chủ trì ngồi đầu bàn phát biểu trước micrô.",
      position: 4,
    },
    {
      photo: "demo-2",
      caption: "Đ/c Phạm Thị Minh Hồng - Bí thư Đảng ủy, Chủ tịch HĐND phường báo cáo trước hội nghị",
      altText:
        "Hình vẽ minh họa: một nữ đại biểu mặc áo xanh đứng sau bục phát biểu có micrô, phía sau là băng rôn đỏ và bàn chủ tọa, hàng ghế đại biểu ngồi nghe ở phía trước.",
      position: 6,
    },
  ],
};

/** Invented demo items, older than the reference article. */
const OTHER_ARTICLES: DemoArticle[] = [
  {
    slug: "thong-bao-lich-nghi-tet-duong-lich-2020",
    title: "Thông báo lịch nghỉ Tết Dương lịch năm 2020",
    lead: "Cán bộ, công chức, viên chức các cơ quan của quận nghỉ Tết Dương lịch năm 2020 vào thứ Tư, ngày 01/01/2020.",
    blocks: [
      {
        kind: "p",
        text: "Cán bộ, công chức, viên chức các cơ quan, đơn vị thuộc quận nghỉ Tết Dương lịch năm 2020 01 ngày vào thứ Tư, ngày 01/01/2020.",
      },
      {
        kind: "p",
        text: "Các cơ quan, đơn vị bố trí cán bộ trực, bảo đảm giải quyết công việc thường xuyên và an ninh, an toàn trong những ngày nghỉ.",
      },
      { kind: "p", text: "(Bài viết mẫu trong dữ liệu thử nghiệm của phần mềm giaoban.)" },
    ],
    // 27/12/2019 16:30 in Vietnam.
    publishedAt: "2019-12-27T09:30:00.000Z",
    views: 58,
    unitKey: "district:long-bien",
    categorySlug: "thong-bao",
    authorUsername: "bientap",
    images: [],
  },
  {
    slug: "phuong-thuong-thanh-tong-ket-cong-tac-nam-2019",
    title: "Phường Thượng Thanh chuẩn bị tổng kết công tác năm 2019",
    lead: "UBND phường Thượng Thanh triển khai các bước chuẩn bị hội nghị tổng kết công tác năm 2019.",
    blocks: [
      {
        kind: "p",
        text: "UBND phường Thượng Thanh đề nghị các bộ phận chuyên môn và tổ dân phố hoàn thành báo cáo kết quả thực hiện chỉ tiêu năm 2019 để phục vụ hội nghị tổng kết.",
      },
      { kind: "p", text: "(Bài viết mẫu trong dữ liệu thử nghiệm của phần mềm giaoban.)" },
    ],
    // 30/12/2019 10:15 in Vietnam.
    publishedAt: "2019-12-30T03:15:00.000Z",
    views: 41,
    unitKey: "ward:thuong-thanh",
    categorySlug: "hoat-dong-cac-phuong",
    authorUsername: "thuongthanh",
    images: [],
  },
];

/** Every demo article, the reference one first. */
export const DEMO_ARTICLES: DemoArticle[] = [REFERENCE_ARTICLE, ...OTHER_ARTICLES];
