export const id = 768;
export const ids = [768];
export const modules = {

/***/ 31768:
/***/ ((module) => {

module.exports = eval("require")("@node-rs/xxhash");


/***/ })

};
