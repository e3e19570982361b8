//! Stakeholder salience (Mitchell, Agle & Wood 1997): an actor's class from its three
//! attributes, and the onion's rings that group the classes.

use crate::actor::Salience;

/// The seven salience classes, and none for an actor with no attribute.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SalienceClass {
    /// Power, legitimacy and urgency.
    Definitive,
    /// Power and legitimacy.
    Dominant,
    /// Power and urgency.
    Dangerous,
    /// Legitimacy and urgency.
    Dependent,
    /// Power only.
    Dormant,
    /// Legitimacy only.
    Discretionary,
    /// Urgency only.
    Demanding,
    /// No attribute: not a stakeholder in the model's sense.
    None,
}

/// The onion's rings, from the centre out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Ring {
    /// All three attributes.
    Definitive,
    /// Two attributes.
    Expectant,
    /// One attribute.
    Latent,
    /// None.
    NonStakeholder,
}

impl Ring {
    pub const ALL: [Ring; 4] = [
        Ring::Definitive,
        Ring::Expectant,
        Ring::Latent,
        Ring::NonStakeholder,
    ];
}

impl SalienceClass {
    /// Every class, most salient first (the order the table sorts by).
    pub const ALL: [SalienceClass; 8] = [
        SalienceClass::Definitive,
        SalienceClass::Dominant,
        SalienceClass::Dangerous,
        SalienceClass::Dependent,
        SalienceClass::Dormant,
        SalienceClass::Discretionary,
        SalienceClass::Demanding,
        SalienceClass::None,
    ];

    /// The class an actor's attributes make.
    pub fn of(s: &Salience) -> Self {
        match (s.power, s.legitimacy, s.urgency) {
            (true, true, true) => SalienceClass::Definitive,
            (true, true, false) => SalienceClass::Dominant,
            (true, false, true) => SalienceClass::Dangerous,
            (false, true, true) => SalienceClass::Dependent,
            (true, false, false) => SalienceClass::Dormant,
            (false, true, false) => SalienceClass::Discretionary,
            (false, false, true) => SalienceClass::Demanding,
            (false, false, false) => SalienceClass::None,
        }
    }

    /// The onion ring the class belongs to.
    pub fn ring(self) -> Ring {
        match self {
            SalienceClass::Definitive => Ring::Definitive,
            SalienceClass::Dominant | SalienceClass::Dangerous | SalienceClass::Dependent => {
                Ring::Expectant
            }
            SalienceClass::Dormant | SalienceClass::Discretionary | SalienceClass::Demanding => {
                Ring::Latent
            }
            SalienceClass::None => Ring::NonStakeholder,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(power: bool, legitimacy: bool, urgency: bool) -> SalienceClass {
        SalienceClass::of(&Salience {
            power,
            legitimacy,
            urgency,
        })
    }

    #[test]
    fn each_class_comes_from_its_attributes() {
        use SalienceClass::*;
        assert_eq!(class(true, true, true), Definitive);
        assert_eq!(class(true, true, false), Dominant);
        assert_eq!(class(true, false, true), Dangerous);
        assert_eq!(class(false, true, true), Dependent);
        assert_eq!(class(true, false, false), Dormant);
        assert_eq!(class(false, true, false), Discretionary);
        assert_eq!(class(false, false, true), Demanding);
        assert_eq!(class(false, false, false), None);
        let rings: Vec<Ring> = SalienceClass::ALL.iter().map(|c| c.ring()).collect();
        assert_eq!(
            rings,
            [
                Ring::Definitive,
                Ring::Expectant,
                Ring::Expectant,
                Ring::Expectant,
                Ring::Latent,
                Ring::Latent,
                Ring::Latent,
                Ring::NonStakeholder
            ]
        );
    }
}
