//! The network map and what draws on it: the force layout, arrangements, keyboard linking,
//! colouring, and pictures of the map or grid.

pub mod actor_menu;
pub mod arrangement;
pub mod communities;
pub mod layout_run;
pub mod lines;
pub mod link_box;
pub mod marks;
pub mod network;
pub mod picture;
pub mod repaint;
pub mod svg;
pub mod touch;
