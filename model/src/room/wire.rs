//! The messages devices in a room send each other, as bytes (lib0 encoding, as Yjs uses).
//! Each is sealed by the app before it reaches the relay, so the relay sees none of this.
//!
//! The exchange: a device that joins or reconnects says `Hello` with its state vector; the
//! facilitator (or, when none answers, another device after a short random wait) sends an
//! `Answer` with what the newcomer lacks and its own state vector, and the newcomer sends an
//! `Update` with what the answerer lacks (its edits made offline). After that every local
//! transaction is an `Update`.

use yrs::encoding::read::{Cursor, Read};
use yrs::encoding::write::Write;

/// Who sent a message and what it says.
#[derive(Clone, Debug, PartialEq)]
pub struct Envelope {
    /// The sender's client id (random per session).
    pub from: u64,
    pub message: Message,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    /// Joining or back online: what I have.
    Hello {
        state_vector: Vec<u8>,
        facilitator: bool,
    },
    /// To `to`'s Hello: what they lack, and what I have.
    Answer {
        to: u64,
        update: Vec<u8>,
        state_vector: Vec<u8>,
    },
    /// Changes made here.
    Update { update: Vec<u8> },
    /// Who I am and which actor I have selected (shown as a ring in my colour).
    Presence(Presence),
    /// I am leaving the room.
    Bye,
    /// The facilitator ended the room: everybody keeps their copy as an ordinary map.
    End,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Presence {
    pub name: String,
    pub facilitator: bool,
    pub selection: Option<String>,
}

/// Bytes that are not a message of this version.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unreadable;

const HELLO: u8 = 1;
const ANSWER: u8 = 2;
const UPDATE: u8 = 3;
const PRESENCE: u8 = 4;
const BYE: u8 = 5;
const END: u8 = 6;

impl Envelope {
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.write_var(self.from);
        match &self.message {
            Message::Hello {
                state_vector,
                facilitator,
            } => {
                out.write_u8(HELLO);
                out.write_buf(state_vector);
                out.write_u8(u8::from(*facilitator));
            }
            Message::Answer {
                to,
                update,
                state_vector,
            } => {
                out.write_u8(ANSWER);
                out.write_var(*to);
                out.write_buf(update);
                out.write_buf(state_vector);
            }
            Message::Update { update } => {
                out.write_u8(UPDATE);
                out.write_buf(update);
            }
            Message::Presence(p) => {
                out.write_u8(PRESENCE);
                out.write_string(&p.name);
                out.write_u8(u8::from(p.facilitator));
                out.write_string(p.selection.as_deref().unwrap_or(""));
            }
            Message::Bye => out.write_u8(BYE),
            Message::End => out.write_u8(END),
        }
        out
    }

    pub fn decode(bytes: &[u8]) -> Result<Self, Unreadable> {
        let mut c = Cursor::new(bytes);
        let from = c.read_var::<u64>().map_err(|_| Unreadable)?;
        let message = read_message(&mut c).map_err(|_| Unreadable)?;
        Ok(Self { from, message })
    }
}

fn read_message(c: &mut Cursor<'_>) -> Result<Message, yrs::encoding::read::Error> {
    Ok(match c.read_u8()? {
        HELLO => Message::Hello {
            state_vector: c.read_buf()?.to_vec(),
            facilitator: c.read_u8()? == 1,
        },
        ANSWER => Message::Answer {
            to: c.read_var()?,
            update: c.read_buf()?.to_vec(),
            state_vector: c.read_buf()?.to_vec(),
        },
        UPDATE => Message::Update {
            update: c.read_buf()?.to_vec(),
        },
        PRESENCE => {
            let name = c.read_string()?.to_owned();
            let facilitator = c.read_u8()? == 1;
            let selection = Some(c.read_string()?.to_owned()).filter(|s| !s.is_empty());
            Message::Presence(Presence {
                name,
                facilitator,
                selection,
            })
        }
        BYE => Message::Bye,
        END => Message::End,
        _ => return Err(yrs::encoding::read::Error::UnexpectedValue),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_reads_back_and_garbage_does_not() {
        let messages = [
            Message::Hello {
                state_vector: vec![1, 2],
                facilitator: true,
            },
            Message::Answer {
                to: u64::MAX,
                update: vec![0; 300],
                state_vector: vec![],
            },
            Message::Update { update: vec![9] },
            Message::Presence(Presence {
                name: "Åsa".into(),
                facilitator: false,
                selection: Some("a1".into()),
            }),
            Message::Bye,
            Message::End,
        ];
        for message in messages {
            let envelope = Envelope { from: 42, message };
            assert_eq!(Envelope::decode(&envelope.encode()), Ok(envelope));
        }
        assert_eq!(Envelope::decode(&[1, 99]), Err(Unreadable));
        assert_eq!(Envelope::decode(&[1, 1, 200]), Err(Unreadable));
    }
}
