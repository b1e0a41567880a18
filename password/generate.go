package password

import "crypto/rand"

// alphabet leaves out look-alikes (0/O, 1/l/I) so that a printed password can be typed.
const alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"

// Generate returns a new random password of 20 characters (about 115 bits), for accounts
// created on the command line or by the demo, printed once.
func Generate() string {
	b := make([]byte, 20)
	for i := range b {
		b[i] = alphabet[randIndex(len(alphabet))]
	}
	return string(b)
}

// randIndex returns a uniform random number in [0, n) by rejection sampling.
func randIndex(n int) int {
	limit := 256 - 256%n
	var c [1]byte
	for {
		if _, err := rand.Read(c[:]); err != nil {
			panic(err) // crypto/rand does not fail on supported platforms
		}
		if int(c[0]) < limit {
			return int(c[0]) % n
		}
	}
}
