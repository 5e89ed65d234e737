export function App() {
  return <main>callscope</main>;
}
