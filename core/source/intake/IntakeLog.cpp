// SPDX-License-Identifier: GPL-3.0-or-later
#include "IntakeLog.h"

namespace Source::Intake {
Q_LOGGING_CATEGORY(lcIntake, "crmbridge.source.intake")
}
