// Sharing an article or album (the "Chia sẻ" box): the device's own share sheet through the Web
// Share API where there is one (on phones it lists Zalo, Messenger, SMS…), and a button that copies
// the link. Both buttons stay hidden without this script or without the API; the links to Facebook
// and Zalo and the address field work without it.
(() => {
  for (const box of document.querySelectorAll("[data-share]")) {
    const url = box.getAttribute("data-share-url") || location.href;
    const title = box.getAttribute("data-share-title") || document.title;
    const status = box.querySelector("[data-share-status]");
    const say = (text) => {
      if (status) status.textContent = text;
    };
    const native = box.querySelector("[data-share-native]");
    if (native && typeof navigator.share === "function") {
      native.hidden = false;
      native.addEventListener("click", () => {
        navigator.share({ title, url }).catch(() => {});
      });
    }
    const copy = box.querySelector("[data-share-copy]");
    if (copy && navigator.clipboard) {
      copy.hidden = false;
      copy.addEventListener("click", async () => {
        try {
          await navigator.clipboard.writeText(url);
          say("Đã chép đường dẫn. Dán vào Zalo, tin nhắn hoặc thư để gửi.");
        } catch {
          say("Không chép được tự động: hãy chọn đường dẫn bên dưới và chép.");
        }
      });
    }
  }
})();
