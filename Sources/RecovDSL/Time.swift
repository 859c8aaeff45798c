// Time units, in seconds (the unit of every duration and of `now`): `2 * day`, `1 * hour`.

/// One second.
public let second = 1
/// Seconds (`30 * seconds`).
public let seconds = 1
/// One minute, in seconds.
public let minute = 60
/// Minutes, in seconds (`15 * minutes`).
public let minutes = 60
/// One hour, in seconds.
public let hour = 3_600
/// Hours, in seconds (`6 * hours`).
public let hours = 3_600
/// One day, in seconds.
public let day = 86_400
/// Days, in seconds (`7 * days`).
public let days = 86_400
