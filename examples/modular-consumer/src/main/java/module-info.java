/** An application on the module path: it sees only what io.github.bybitkit exports. */
module example.modular {
  requires io.github.bybitkit;

  exports example.modular;
}
