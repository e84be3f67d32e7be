// SPDX-License-Identifier: GPL-3.0-or-later
#include "Clock.h"

namespace Common {

namespace {
class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch(); }
};
} // namespace

const Clock *Clock::system()
{
    static const SystemClock s_clock;
    return &s_clock;
}

} // namespace Common
