// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

namespace Source::MoySklad {
Q_DECLARE_LOGGING_CATEGORY(lcMoySklad)
}
