#!/usr/bin/env python3
# Copies the chat-completion components of openai/openai-openapi's openapi.json into one JSON Schema file.
#   git -C openai-openapi show COMMIT:openapi.json > openapi.json
#   scripts/openai-schemas.py COMMIT src/test/resources/schemas/openai/chat-completions.json   (reads ./openapi.json)
import json,collections,sys
COMMIT=sys.argv[1]
spec=json.load(open('openapi.json'), object_pairs_hook=collections.OrderedDict)
comps=spec['components']['schemas']
roots=['CreateChatCompletionResponse','CreateChatCompletionStreamResponse','ErrorResponse']
seen=[]
def walk(n):
    if isinstance(n,dict):
        for k,v in n.items():
            if k=='$ref' and isinstance(v,str):
                name=v.split('/')[-1]
                if name not in seen:
                    seen.append(name); walk(comps[name])
            else: walk(v)
    elif isinstance(n,list):
        for x in n: walk(x)
for r in roots:
    if r not in seen: seen.append(r); walk(comps[r])
nullables=[0]
def rewrite(n):
    if isinstance(n,dict):
        out=collections.OrderedDict()
        for k,v in n.items():
            if k.startswith('x-'): continue
            if k=='$ref' and isinstance(v,str): out[k]='#/$defs/'+v.split('/')[-1]
            elif k=='nullable': continue
            else: out[k]=rewrite(v)
        if n.get('nullable') is True:
            nullables[0]+=1
            return collections.OrderedDict([('anyOf',[out,collections.OrderedDict([('type','null')])])])
        return out
    if isinstance(n,list): return [rewrite(x) for x in n]
    return n
out=collections.OrderedDict()
out['$schema']='https://spec.openapis.org/oas/3.1/dialect/base'
out['$comment']=('components.schemas of openapi.json in openai/openai-openapi at commit '+COMMIT+' (MIT): '
  + ', '.join(sorted(seen)) + '. Changed only as schemas/openai/README.md says: $ref #/components/schemas/X is #/$defs/X, '
  'x- vendor extensions are left out, nullable: true is written as anyOf [..., {"type": "null"}].')
out['$defs']=collections.OrderedDict((n,rewrite(comps[n])) for n in sorted(seen))
json.dump(out,open(sys.argv[2],'w'),indent=2,ensure_ascii=False)
open(sys.argv[2],'a').write('\n')
print(len(seen),'components;',nullables[0],'nullable rewritten')
