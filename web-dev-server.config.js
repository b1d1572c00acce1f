// `npm start`: the stories gallery, on the built bundle exactly as an author would use it.
export default {
  rootDir: '.',
  open: '/stories/index.html',
  watch: false,
  port: Number(process.env.PORT) || 8000,
};
