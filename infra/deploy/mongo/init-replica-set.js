// Initiates the 3-node replica set once; a second run finds it initiated and does nothing.
try {
  rs.status();
  print("replica set koers already initiated");
} catch (e) {
  rs.initiate({
    _id: "koers",
    members: [
      { _id: 0, host: "mongo1:27017" },
      { _id: 1, host: "mongo2:27017" },
      { _id: 2, host: "mongo3:27017" },
    ],
  });
  print("replica set koers initiated");
}
