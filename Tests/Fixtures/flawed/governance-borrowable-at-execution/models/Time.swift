import RecovDSL

// Time units shared by every model and spec (all files of models/ and specs/ form one module,
// so top-level names must be unique across them).

let minute = 60
let hour = 3_600
let day = 86_400
