package mail

// Deliver exposes the SMTP dialogue to the black-box tests.
var Deliver = deliver
