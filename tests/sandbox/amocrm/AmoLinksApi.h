// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AmoCall.h"

namespace Sandbox::AmoCrm {

class AmoContext;

/**
 * Links of a lead to contacts and companies (`/api/v4/leads/{id}/links`, `…/link`, `…/unlink`), the way an
 * existing lead's links change: a lead update ignores `_embedded.contacts` (see AmoLeadsApi). Items are
 * `{to_entity_id, to_entity_type, metadata}`, `metadata.is_main` for contacts (SDK LinkModel,
 * LinkMethodsTrait). Routes run on the server thread.
 */
class AmoLinksApi
{
public:
    AmoLinksApi(AmoContext &context, AmoRouter &router);

private:
    HttpResponse list(AmoCall &call);
    HttpResponse change(AmoCall &call, bool link);

    AmoContext &m_context;
};

} // namespace Sandbox::AmoCrm
