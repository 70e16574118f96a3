/**
 * Stand-in for Node's `http` / `https`: the HubSpot client's Node transport
 * requires them at load time but SOP Sidebar passes its own fetch-based
 * transport, so nothing is ever called on them.
 */
export default {};
