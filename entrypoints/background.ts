export default defineBackground(() => {
  // filled in below
});
