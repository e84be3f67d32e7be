// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CtlCommand.h"

namespace Ctl {

/** `notify password` (the SMTP password on stdin, into the secret store) and `notify test` (a test
 *  message through the configured mail server and executable, now). */
Command notifyCommand();

} // namespace Ctl
